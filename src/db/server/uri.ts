/**
 * `uri` with its database path set to `name`, keeping hosts, credentials and query options.
 * With credentials the path also names the database to authenticate against, so that one is
 * kept as `authSource` (unless the URI already says).
 */
export function withDatabaseName(uri: string, name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/([^?]*))?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`Not a MongoDB connection string: ${uri}`);
  const [, hosts = "", path = "", options = ""] = match;
  const keepAuthSource = hosts.includes("@") && !/[?&]authSource=/i.test(options);
  const authSource = keepAuthSource ? `${options ? "&" : "?"}authSource=${path || "admin"}` : "";
  return `${hosts}/${name}${options}${authSource}`;
}
