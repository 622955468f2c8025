/** The demo coordinator's bearer header for the benchmarks that drive the API (spil-bench, duo-hours-bench). */
const DEMO_PASSWORD = 'koers-demo-2026';

export async function coordinatorAuth(base: string): Promise<{ authorization: string }> {
  // A scale database seeded before the demo password changed still has the old one.
  for (const password of [DEMO_PASSWORD, 'koers-demo']) {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coordinator@koers.test', password }) });
    if (login.status === 200) return { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  }
  throw new Error('login as coordinator@koers.test failed: is the demo login in this database?');
}
