/** The specs need the built renderer; say how to get it rather than failing on a 404. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const index = fileURLToPath(new URL('../dist/renderer/index.html', import.meta.url));
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`npm run build:renderer\` before \`npx playwright test\` (npm test does both).`);
  }
}
