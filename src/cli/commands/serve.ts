// `dateline serve`: checks the configuration against the machine, then migrates, seeds the demo into
// an empty database (DEMO_CONTENT=auto) and listens until SIGTERM/SIGINT.
import { closeOnSignals, start } from '../../main.js';
import { out, type Noun } from '../command.js';
import { seedDemoIfEmpty } from '../demo/seed.js';

const serve: Noun = {
  name: 'serve',
  summary: 'Start the web server (migrates, and seeds the demo into an empty database)',
  run: {
    summary: 'Start the web server: migrate the database, seed the demo into an empty one (DEMO_CONTENT=auto), listen on HOST:PORT',
    notes: ['Configured by the environment variables listed in `dateline help`.'],
    async run(input) {
      const running = await start(input.config(), {
        seed: async (ctx, blobs) => {
          const seeded = await seedDemoIfEmpty(ctx, blobs);
          if (!seeded) return [];
          return [
            `Seeded the demo newsroom: ${seeded.articles} articles in ${seeded.editions} editions.`,
            `Admin sign-in: ${seeded.adminEmail} / ${seeded.adminPassword}  (shown once; change it)`,
          ];
        },
      });
      out(`Dateline is serving ${running.url}/ (${running.storage.adapter.name}). Press Ctrl+C to stop.`);
      closeOnSignals(running, out);
      await new Promise(() => {});
    },
  },
};
export default serve;
