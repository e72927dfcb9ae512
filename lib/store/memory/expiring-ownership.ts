interface Holding {
  owner: string;
  expiresAt: number;
}

/** Named slots held by one owner until an instant: the in-memory core of the refresh lock and the leases. */
export class ExpiringOwnership {
  private readonly holdings = new Map<string, Holding>();

  /** Takes or renews `name` for `owner` unless someone else holds it beyond `now`. */
  claim(name: string, owner: string, now: number, expiresAt: number): boolean {
    const holding = this.holdings.get(name);
    if (holding && holding.owner !== owner && holding.expiresAt > now) return false;
    this.holdings.set(name, { owner, expiresAt });
    return true;
  }

  release(name: string, owner: string): boolean {
    if (this.holdings.get(name)?.owner !== owner) return false;
    this.holdings.delete(name);
    return true;
  }

  ownerAt(name: string, now: number): string | null {
    const holding = this.holdings.get(name);
    return holding && holding.expiresAt > now ? holding.owner : null;
  }

  /** Names `owner` holds beyond `now`, sorted. */
  heldBy(owner: string, now: number): string[] {
    const names: string[] = [];
    for (const [name, holding] of this.holdings) {
      if (holding.owner === owner && holding.expiresAt > now) names.push(name);
    }
    return names.sort();
  }
}
