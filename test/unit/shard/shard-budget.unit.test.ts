import { budgetProblem, DEFAULT_SHARD_BUDGET, shardBudgetOf } from '../../../workflows/shard-budget';

describe('a shard’s budget guard', () => {
  const budget = shardBudgetOf({ person: { updates: 10 }, total: { updates: 12 } });

  it('keeps the defaults below Temporal’s limits (2,000 Updates, 10,240 events, 10 MB), supervisors above persons', () => {
    const { person, total } = DEFAULT_SHARD_BUDGET;
    expect(total.updates).toBeLessThan(2000);
    expect(total.events).toBeLessThan(10_240);
    expect(total.bytes).toBeLessThan(10 * 1000 * 1000);
    expect(person.updates).toBeLessThan(total.updates);
    expect(person.events).toBeLessThan(total.events);
    expect(person.bytes).toBeLessThan(total.bytes);
  });

  it('refuses persons at their limit and leaves the reserve to supervisors', () => {
    const use = { updates: 10, events: 50, bytes: 1000 };
    expect(budgetProblem('person', { ...use, updates: 9 }, budget)).toBeUndefined();
    expect(budgetProblem('person', use, budget)).toBe('10 of 10 Updates used');
    expect(budgetProblem('supervisor', use, budget)).toBeUndefined();
    expect(budgetProblem('supervisor', { ...use, updates: 12 }, budget)).toBe('12 of 12 Updates used');
  });

  it('counts history events and bytes too', () => {
    const small = { updates: 0, events: 0, bytes: 0 };
    expect(budgetProblem('person', { ...small, events: DEFAULT_SHARD_BUDGET.person.events }, budget)).toMatch(
      /history events used$/,
    );
    expect(budgetProblem('person', { ...small, bytes: DEFAULT_SHARD_BUDGET.person.bytes }, budget)).toMatch(
      /history bytes used$/,
    );
    expect(
      budgetProblem('supervisor', { ...small, bytes: DEFAULT_SHARD_BUDGET.person.bytes }, budget),
    ).toBeUndefined();
  });
});
