import { buildWebIfStale } from '../../infra/local/web-build.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';

/** The local server serves web/dist, as CloudFront serves the bucket: build it once before the tests. */
export default async function setup() {
  await buildWebIfStale(repositoryRoot);
}
