import { publicDeps } from './deps.ts';
import { publicRoutes } from './routes.ts';

/** Offer links, the volunteer's own page and certificate verification: public, no sign-in. */
export const handler = publicRoutes(publicDeps());
