// `dateline seed-demo`: fills an empty database with the demo newsroom, printing the admin password once.
import path from 'node:path';
import { checkDataDir } from '../../config.js';
import { listEditions } from '../../domain/editions/index.js';
import { createFileBlobStore } from '../../storage/blobs/fs-store.js';
import { Failure, out, type Noun } from '../command.js';
import { seedDemo } from '../demo/seed.js';
import { withNewDatabase } from '../storage.js';

const seedDemoNoun: Noun = {
  name: 'seed-demo',
  summary: 'Fill an empty database with the demo newsroom',
  run: {
    summary: 'Fill an empty database with the demo newsroom (three editions, articles, an admin account)',
    async run(input) {
      const config = input.config();
      // The demo's images go to DATA_DIR/media whichever database holds the rows.
      await checkDataDir(config.dataDir);
      await withNewDatabase(config, async (ctx) => {
        if ((await listEditions(ctx.db)).length) throw new Failure('The database already has editions; the demo is seeded only into an empty database.');
        const result = await seedDemo(ctx, createFileBlobStore(path.join(config.dataDir, 'media')));
        out(`Seeded ${result.articles} articles in ${result.editions} editions.`);
        out(`Admin sign-in: ${result.adminEmail} / ${result.adminPassword}  (shown once; change it)`);
      });
    },
  },
};
export default seedDemoNoun;
