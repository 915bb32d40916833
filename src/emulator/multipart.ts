// Just enough multipart/form-data to read what grammY (and curl -F) upload.

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return (match?.[1] ?? match?.[2])?.trim();
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  while (position >= 0) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = parsePart(body.subarray(start, next));
    if (part) parts.push(part);
    position = next;
  }
  return parts;
}

function parsePart(raw: Buffer): MultipartPart | undefined {
  let chunk = raw;
  if (chunk.subarray(0, 2).toString() === "\r\n") chunk = chunk.subarray(2);
  if (chunk.subarray(chunk.length - 2).toString() === "\r\n") chunk = chunk.subarray(0, chunk.length - 2);
  const headerEnd = chunk.indexOf("\r\n\r\n");
  if (headerEnd < 0) return undefined;
  const headers = chunk.subarray(0, headerEnd).toString("utf8").split("\r\n");
  const data = chunk.subarray(headerEnd + 4);
  let disposition = "";
  let contentType: string | undefined;
  for (const line of headers) {
    const colon = line.indexOf(":");
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-disposition") disposition = value;
    if (key === "content-type") contentType = value;
  }
  const name = dispositionParam(disposition, "name");
  if (name === undefined) return undefined;
  const filename = dispositionParam(disposition, "filename");
  return { name, data, ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) };
}

function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"([^"]*)"|([^;]*))`, "i").exec(disposition);
  return match ? (match[1] ?? match[2] ?? "").trim() : undefined;
}
