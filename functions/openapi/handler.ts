import { httpHandler, json } from '#shared/http/middleware.ts';
import { openApiDocument } from './document.ts';

// Built once at cold start: the route table does not change while a function lives.
const body = openApiDocument();

export const handler = httpHandler(async () => json(200, body, { 'cache-control': 'public, max-age=300' }));
