/**
 * Staff passwords, in one place: the Cognito user pool (CDK) enforces it on AWS, and the local
 * set-password page checks the same rules, so a password accepted locally is accepted on AWS.
 */
export const staffPasswordPolicy = {
  minLength: 12,
  requireDigits: true,
  requireLowercase: true,
  requireUppercase: true,
  requireSymbols: false,
} as const;
