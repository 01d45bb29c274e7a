/**
 * The DOM id of the input for a data path. Derived from the path (not JSON Forms' generated ids)
 * so the error summary can link to a field it only knows from a validation error.
 */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-') || 'root'}`;

export const CONSENT_ID = 'field-consent';
