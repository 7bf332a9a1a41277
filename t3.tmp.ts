import { chromium } from '@playwright/test';
const base = 'http://localhost:4560';
const r = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'secretary', password: 'shortlist-demo' }) });
const cookie = r.headers.getSetCookie()[0]!.split(';')[0]!;
const [name, value] = cookie.split('=');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (let i = 0; i < 4; i++) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addCookies([{ name: name!, value: value!, url: base }]);
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`${base}/c/1/board`, { waitUntil: 'commit' });
  const tCommit = performance.now() - t0;
  await page.getByTestId('connection').filter({ hasText: '实时同步中' }).waitFor();
  const tLive = performance.now() - t0;
  const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; const res = performance.getEntriesByType('resource').map(r => [r.name.replace(/.*\//,''), Math.round(r.startTime), Math.round(r.responseEnd)]); return { ttfb: n.responseStart, respEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, res, now: performance.now() }; });
  console.log(i, 'commit', tCommit.toFixed(0), 'live', tLive.toFixed(0), JSON.stringify({ ttfb: Math.round(nav.ttfb), respEnd: Math.round(nav.respEnd), dcl: Math.round(nav.dcl), load: Math.round(nav.load), now: Math.round(nav.now) }));
  if (i === 3) console.log(nav.res.slice(0, 40));
  await context.close();
}
await browser.close();
