import { defineConfig } from '@playwright/test';

/** e2e against the production build in Debian's Chromium; tests/e2e/serve.ts starts the server. */
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	// One retry in CI, reported as flaky, so a timing hiccup on a busy machine does not block a landing.
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'list' : 'line',
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-dev-shm-usage'
			]
		}
	},
	webServer: {
		command: `npx tsx tests/e2e/serve.ts`,
		env: { E2E_PORT: String(port) },
		url: `http://localhost:${port}/login`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
