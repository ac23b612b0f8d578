/**
 * Outbound tokens for the explicit local configuration only. The Teams SDK needs credentials before it sends
 * anything (`app.send` throws without a client id), and it decodes the token it gets as a JWT. Microsoft 365 Agents
 * Playground's connector accepts any bearer, so locally a client id plus this unsigned token stands in for Entra ID.
 * It is worthless anywhere else: no signature, issuer `local`.
 */
function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function createLocalTokenFactory(
  clientId: string,
  now: () => number = Date.now,
): (scope: string | string[], tenantId?: string) => string {
  return (scope) => {
    const iat = Math.floor(now() / 1000);
    const header = base64url({ alg: 'none', typ: 'JWT' });
    const payload = base64url({
      iss: 'local',
      aud: Array.isArray(scope) ? scope.join(' ') : scope,
      appid: clientId,
      iat,
      nbf: iat,
      exp: iat + 3600,
    });
    return `${header}.${payload}.`;
  };
}
