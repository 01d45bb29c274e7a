import { repositoryRoot } from '../../infra/local/runtime.ts';
import { buildWebIfStale } from '../../infra/local/web-build.ts';

/** The local server serves web/dist, as CloudFront serves the bucket: build it once before the tests. */
export default async function setup() {
  await buildWebIfStale(repositoryRoot);
}
