// Serves the production build on localhost (the README's first command ends here).
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { port, strictPort: false, host: '127.0.0.1', open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`\nMGI assessment is running at ${url}\nPress Ctrl+C to stop.\n`);
