import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[390, 844], [1366, 900]]) {
  const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
  for (const path of ['/fa/', '/en/']) {
    await page.goto(`http://localhost:3101${path}`);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(w, path, 'scrollWidth', sw);
    await page.screenshot({ path: `/tmp/shot-${path.replace(/\//g, '')}-${w}.png`, fullPage: false });
  }
}
await browser.close();
