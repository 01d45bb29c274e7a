/**
 * Paths without a file extension are app routes, answered with one of three shells: /console and
 * everything under it with the console's (index.html, React); /f/<form> with the form page's
 * (form.html); every other route (/decide/<token>, /verify/<number>, /, …) with the other public
 * pages' (public.html). The last two are builds on Preact (web/vite.form.config.ts,
 * web/vite.public.config.ts).
 * CloudFront runs this code as a viewer-request function on the web app's behaviours (not on
 * /api/*, so an unknown API path still gets the API's own 404); the local server runs the very
 * same text through `spaRewrite`, so both answer the same paths with the same shell.
 */
export const spaFallback = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf('.', uri.lastIndexOf('/') + 1) === -1) {
    if (uri === '/console' || uri.indexOf('/console/') === 0) request.uri = '/index.html';
    else request.uri = uri.indexOf('/f/') === 0 ? '/form.html' : '/public.html';
  }
  return request;
}`;

type CloudFrontFunction = (event: { request: { uri: string } }) => { uri: string };
const handler = new Function(`${spaFallback}\nreturn handler;`)() as CloudFrontFunction;

/** The path CloudFront asks the bucket for when a viewer asks for `uri`. */
export const spaRewrite = (uri: string): string => handler({ request: { uri } }).uri;
