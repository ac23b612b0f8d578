/**
 * The token endpoint over HTTP (`POST [/{tenant}]/oauth2/v2.0/token`): a form body, the grants of
 * `routes/oauth.ts` plus the sign-in's code and refresh grants, and Entra's OAuth error shape.
 */
import type { IncomingMessage } from 'node:http';
import { OAuthError, oauthErrorBody, type RequestIds } from '../graph-errors.js';
import { readBody } from '../http-io.js';
import type { TokenService } from '../tokens.js';
import { issueToken } from './oauth.js';
import type { SignIn } from './sign-in.js';

export type TokenHandlerDeps = {
  clientId: string;
  clientSecret: string;
  /** The sandbox's origin: the audience of SharePoint tokens. */
  baseUrl: string;
  tokens: TokenService;
  signIn: Pick<SignIn, 'redeem'>;
  now: () => Date;
};

/** Answers one token request with a status and a JSON body. */
export type TokenHandler = (
  req: IncomingMessage,
  headers: Record<string, string>,
  ids: RequestIds,
) => Promise<{ status: number; body: unknown }>;

/** Makes the token endpoint's handler for the configured client. */
export function createTokenHandler({
  clientId,
  clientSecret,
  baseUrl,
  tokens,
  signIn,
  now,
}: TokenHandlerDeps): TokenHandler {
  return async (req, headers, ids) => {
    const contentType = headers['content-type'] ?? '';
    const text = await readBody(req);
    try {
      if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        throw new OAuthError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'grant_type'.",
        );
      }
      const token = await issueToken(
        new URLSearchParams(text),
        headers['authorization'],
        { clientId, clientSecret, sharePointOrigin: baseUrl },
        tokens,
        (grant, form, client) => signIn.redeem(grant, form, client, headers['origin']),
      );
      return { status: 200, body: token };
    } catch (err) {
      if (err instanceof OAuthError) return { status: err.status, body: oauthErrorBody(err, ids, now()) };
      throw err;
    }
  };
}
