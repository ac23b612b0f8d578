/**
 * Errors of the SharePoint REST subset, in SharePoint's shape: an HTTP status plus a code of the
 * form `"<HRESULT>, <.NET exception type>"` and a message, rendered as
 * `{"odata.error":{"code","message":{"lang","value"}}}` (JSON light) or
 * `{"error":{"code","message":{"lang","value"}}}` (verbose). See odata.ts for the rendering.
 */
import type { GraphError } from '../graph-errors.js';

export class SharePointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'SharePointError';
  }
}

export const SP_CODES = {
  argument: '-2147024809, System.ArgumentException',
  argumentOutOfRange: '-2146233086, System.ArgumentOutOfRangeException',
  listNotFound: '-1, System.ArgumentException',
  invalidQuery: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
  clientService: '-1, Microsoft.SharePoint.Client.ClientServiceException',
  spException: '-2146232832, Microsoft.SharePoint.SPException',
  unauthorized: '-2147024891, System.UnauthorizedAccessException',
  duplicateValues: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
  notSupported: '-1, System.NotSupportedException',
  throttled: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
} as const;

export function listNotFound(title: string, siteUrl: string): SharePointError {
  return new SharePointError(
    404,
    SP_CODES.listNotFound,
    `List '${title}' does not exist at site with URL '${siteUrl}'.`,
  );
}

export function resourceNotFound(segment: string): SharePointError {
  return new SharePointError(404, SP_CODES.invalidQuery, `Cannot find resource for the request ${segment}.`);
}

/** SharePoint's answer to a property the entity type does not have. */
export function unknownProperty(property: string, entityType: string): SharePointError {
  return new SharePointError(
    400,
    SP_CODES.invalidQuery,
    `The property '${property}' does not exist on type '${entityType}'. Make sure to only use property names that are defined by the type.`,
  );
}

export function badArgument(message: string): SharePointError {
  return new SharePointError(400, SP_CODES.argument, message);
}

export function accessDeniedSp(): SharePointError {
  return new SharePointError(
    403,
    SP_CODES.unauthorized,
    'Access denied. You do not have permission to perform this action or access this resource.',
  );
}

export function methodNotAllowedSp(method: string): SharePointError {
  return new SharePointError(
    405,
    SP_CODES.invalidQuery,
    `The HTTP method '${method}' cannot be used on this resource.`,
  );
}

/** Something SharePoint offers that the sandbox leaves out on purpose: refused, never faked. */
export function notSupportedSp(what: string): SharePointError {
  return new SharePointError(400, SP_CODES.notSupported, `The sandbox does not implement ${what}.`);
}

/** The shared item and column code throws Graph-shaped errors; REST shows them in its own shape. */
export function fromGraphError(err: GraphError): SharePointError {
  const code =
    err.status === 404
      ? SP_CODES.argument
      : err.status === 403
        ? SP_CODES.unauthorized
        : err.status === 409
          ? SP_CODES.duplicateValues
          : err.status === 412
            ? SP_CODES.clientService
            : SP_CODES.spException;
  return new SharePointError(err.status, code, err.message);
}
