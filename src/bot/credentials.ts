/** The bot's credentials: the server's config reads them from env, the bot uses them. */

/** How the bot gets the tokens it sends to the Bot Connector. */
export type BotCredentials =
  | { kind: 'client-secret'; clientSecret: string }
  /** Azure: the app's managed identity (user-assigned when an id is given, as the Teams SDK reads it). */
  | { kind: 'managed-identity'; managedIdentityClientId?: string }
  /** The explicit local configuration: a token factory for the local Bot Connector (Playground), nothing real. */
  | { kind: 'local' };
