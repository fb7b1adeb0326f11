/**
 * Waits for `work` at most `ms` milliseconds: a teardown that hangs (a server that does not answer) must not keep
 * a failed simulation alive. Resolves `true` when it finished, `false` when it failed or timed out; `onProblem`
 * hears why.
 */
export async function settleWithin(
  work: () => Promise<unknown>,
  ms: number,
  onProblem: (message: string) => void,
): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const outcome = await Promise.race([
      work().then(
        () => 'done' as const,
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      ),
      timeout,
    ]);
    if (outcome === 'done') return true;
    onProblem(outcome === 'timeout' ? `did not finish within ${ms} ms` : outcome);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
