import { describeSeedLetter } from '../support/seed-letters';

// The letter over its whole trial period on its fixture org (the scenario: test/support/seed-letters.ts).
describeSeedLetter('kukar-2021.yaml');
