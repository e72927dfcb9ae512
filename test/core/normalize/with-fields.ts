type JsonContainer = Record<string, unknown>;

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

/**
 * A deep copy of a JSON body with some fields replaced: keys are dot paths (`item.album.images.0.url`), values
 * the new value; `undefined` removes the field. Every parent along a path must exist.
 */
export function withFields(body: unknown, changes: Readonly<Record<string, unknown>>): unknown {
  const copy: unknown = structuredClone(body);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let parent: unknown = copy;
    for (const key of keys) parent = isContainer(parent) ? parent[key] : undefined;
    if (!isContainer(parent)) throw new Error(`withFields: nothing to change at ${path}`);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}
