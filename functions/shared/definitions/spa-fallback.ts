/**
 * Paths without a file extension are app routes: /f/<form> gets the public form page's own shell
 * (form.html, built on Preact: web/vite.form.config.ts), every other route (/console, /decide/<token>,
 * /system-checks/<id>, …) the app's (index.html). CloudFront runs this code as a viewer-request function on the web app's behaviour (not on
 * /api/*, so an unknown API path still gets the API's own 404); the local server runs the very same
 * text through `spaRewrite`, so both answer the same paths with the same shell.
 */
export const spaFallback = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf('.', uri.lastIndexOf('/') + 1) === -1) {
    request.uri = uri.indexOf('/f/') === 0 ? '/form.html' : '/index.html';
  }
  return request;
}`;

type CloudFrontFunction = (event: { request: { uri: string } }) => { uri: string };
const handler = new Function(`${spaFallback}\nreturn handler;`)() as CloudFrontFunction;

/** The path CloudFront asks the bucket for when a viewer asks for `uri`. */
export const spaRewrite = (uri: string): string => handler({ request: { uri } }).uri;
