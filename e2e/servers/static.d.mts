import type { Server } from 'node:http';

/** Content types served; any other extension is a 404. */
export declare const MIME_TYPES: Record<string, string>;
/** The file under `root` a request path names, or null when it may not be served. */
export declare function resolveRequestPath(root: string, urlPath: string): Promise<string | null>;
/** Start serving `root` on `host:port`; resolves with the listening server. */
export declare function startStaticServer(options: {
  root: string;
  port: number;
  host?: string;
}): Promise<Server>;
