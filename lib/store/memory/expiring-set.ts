/** Members that each last until an instant: active users, live workers. */
export class ExpiringSet {
  private readonly untils = new Map<string, number>();

  /** Sets the member's expiry; with `extendOnly` a later instant already stored is kept. */
  put(member: string, until: number, extendOnly: boolean): void {
    const current = this.untils.get(member);
    if (extendOnly && current !== undefined && current >= until) return;
    this.untils.set(member, until);
  }

  delete(member: string): void {
    this.untils.delete(member);
  }

  /** Members lasting beyond `now`, sorted; the others are dropped. */
  liveAt(now: number): string[] {
    const live: string[] = [];
    for (const [member, until] of this.untils) {
      if (until > now) live.push(member);
      else this.untils.delete(member);
    }
    return live.sort();
  }
}
