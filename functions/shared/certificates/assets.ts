/**
 * Files a function that renders certificates needs at run time, as paths from the repository root.
 * A function definition lists them in `assets` (functions/shared/definitions/functions.ts); the CDK bundling
 * copies them into the bundle's `assets/` folder, where fonts.ts looks first.
 */
export const CERTIFICATE_FONT_FILES = {
  regular: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

export const certificateAssets: readonly string[] = Object.values(CERTIFICATE_FONT_FILES);

/** The folder next to the bundled handler that holds the copied assets. */
export const BUNDLE_ASSET_DIR = 'assets';
