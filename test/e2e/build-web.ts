import { build } from 'vite';

/** Every run tests the web app as built from the current sources. */
export default async function buildWeb() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
