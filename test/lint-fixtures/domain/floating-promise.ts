// Lint fixture: a promise that nobody awaits.
async function work(): Promise<void> {}
export function bad(): void {
  work();
}
