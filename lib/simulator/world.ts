import type { Random } from '../random/random';
import { SeededRandom } from '../random/random';
import type { Clock } from '../time/clock';
import type { AccountsDeps } from './accounts-api';
import { handleAuthorize, handleToken } from './accounts-api';
import type { ActorRates, ScheduledAction } from './actors';
import { DEFAULT_ACTOR_RATES } from './actors';
import type { ApiRequest, ApiResponse } from './api-request';
import type { AppAction } from './app-actions';
import { Catalog } from './catalog';
import { EventHeap } from './event-heap';
import type { FaultRule } from './faults';
import { FaultPlan } from './faults';
import { hexString } from './ids';
import type { DeviceSpec, InitialPlayback } from './listener-setup';
import { initialState, makeDevices, makeProfile } from './listener-setup';
import type { ApiDeps } from './player-api';
import { handleApiRequest } from './player-api';
import type { ListenerState } from './player-state';
import type { RateLimitOptions } from './rate-window';
import { RateWindow } from './rate-window';
import type { RequestCountsSnapshot } from './request-counts';
import { RequestCounts } from './request-counts';
import type { SimulatorOptionsInput } from './schemas';
import {
  actorRatesSchema,
  addListenerSchema,
  consistencySchema,
  mergeRates,
  parseOrThrow,
  rateLimitSchema,
  simulatorOptionsSchema,
} from './schemas';
import type { SharedSettings } from './sim-listener';
import { SimListener } from './sim-listener';
import { SimulatorOptionsError } from './simulator-options-error';
import { TokenStore } from './tokens';
import type { TruthRecord } from './truth';
import { TruthLog } from './truth';
import { UnknownListenerError } from './unknown-listener-error';

/**
 * The simulated Spotify: every listener's playback, the accounts service, the app-wide rate limit, faults, the
 * ground truth and the request counts, all on an injected Clock. Nothing runs by itself: every call first
 * catches the world up to `clock.now()`, processing natural ends and actor actions in exact time order (so
 * several short tracks between two reads are all recorded). That makes it as cheap under a VirtualClock as the
 * events it processes, with or without HTTP in front.
 */

export interface AddListenerOptions {
  /** The Spotify user id. Default: drawn, like `31abc...`. */
  id?: string;
  /** The name `GET /v1/me` shows. Default: drawn, like `Ada Lind`. */
  displayName?: string;
  /** Where playback starts. Default `playing`. */
  initial?: InitialPlayback;
  /** The listener's devices. Default: a phone, a computer, often a speaker, sometimes a TV. */
  devices?: DeviceSpec[];
  /** The actor: `true` (default) uses the world's rates, an object overrides some of them, `false` means none. */
  actor?: boolean | Partial<ActorRates>;
}

export interface ListenerCredentials {
  id: string;
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch). */
  expiresAt: number;
}

interface HeapEntry {
  listener: SimListener;
  version: number;
}

export class SimWorld {
  readonly catalog: Catalog;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly truth = new TruthLog();
  readonly counts = new RequestCounts();
  readonly faults: FaultPlan;
  readonly rateWindow: RateWindow;
  readonly tokens: TokenStore;
  readonly settings: SharedSettings;
  private readonly defaultRates: ActorRates;
  private readonly random: Random;
  private readonly idRandom: Random;
  private readonly listeners = new Map<string, SimListener>();
  private readonly heap = new EventHeap<HeapEntry>();
  private readonly apiDeps: ApiDeps;
  private readonly accountsDeps: AccountsDeps;

  constructor(
    readonly clock: Clock,
    options: SimulatorOptionsInput = {},
  ) {
    const resolved = parseOrThrow(simulatorOptionsSchema, options, 'Simulator option');
    this.random = new SeededRandom(resolved.seed);
    this.idRandom = this.random.fork('listener-ids');
    const client = this.random.fork('client');
    this.clientId = resolved.clientId ?? hexString(client, 32);
    this.clientSecret = resolved.clientSecret ?? hexString(client, 32);
    this.catalog = new Catalog(this.random.fork('catalog'), resolved.catalog);
    this.tokens = new TokenStore(this.random.fork('tokens'), resolved.tokens);
    this.faults = new FaultPlan(this.random.fork('faults'));
    this.rateWindow = new RateWindow(resolved.rateLimit);
    this.settings = {
      model: { ...resolved.model },
      podcastChance: resolved.podcastChance,
      consistency: { ...resolved.consistency },
    };
    this.defaultRates = mergeRates(DEFAULT_ACTOR_RATES, resolved.actorRates);
    const advance = () => this.advance();
    this.apiDeps = {
      advance,
      listener: (id) => this.listeners.get(id),
      catalog: this.catalog,
      tokens: this.tokens,
      rateWindow: this.rateWindow,
      faults: this.faults,
      counts: this.counts,
    };
    this.accountsDeps = {
      advance,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      tokens: this.tokens,
      faults: this.faults,
      counts: this.counts,
      loginListener: (requested) => this.loginListener(requested),
    };
  }

  /** Adds a listener (with tokens already issued, as if they had logged in). */
  addListener(input: AddListenerOptions = {}): ListenerCredentials {
    const options = parseOrThrow(addListenerSchema, input, 'Listener option');
    const at = this.advance();
    if (options.id !== undefined && this.listeners.has(options.id)) {
      throw new SimulatorOptionsError(`A listener with id ${JSON.stringify(options.id)} already exists`);
    }
    const profileRandom = this.idRandom.fork(`profile/${this.listeners.size}`);
    const profile = makeProfile(profileRandom, options.id, options.displayName);
    const random = this.random.fork(`listener/${profile.id}`);
    const setup = random.fork('setup');
    const devices = makeDevices(setup, options.devices);
    const state = initialState(setup, this.catalog, devices, options.initial ?? 'playing', at);
    const listener = new SimListener(profile, state, at, {
      catalog: this.catalog,
      settings: this.settings,
      random,
      sink: (record) => this.truth.append(record),
      changed: (changed) => this.reschedule(changed),
    });
    this.listeners.set(profile.id, listener);
    const actor = options.actor ?? true;
    if (actor !== false) listener.setActor(this.ratesFrom(actor === true ? {} : actor), at);
    this.reschedule(listener);
    return this.issueTokens(profile.id);
  }

  listenerIds(): string[] {
    return [...this.listeners.keys()];
  }

  /** The listener, or an UnknownListenerError. */
  listener(id: string): SimListener {
    const listener = this.listeners.get(id);
    if (!listener) throw new UnknownListenerError(id);
    return listener;
  }

  /** Catches every listener up to the clock, in time order; returns the time. */
  advance(): number {
    const now = this.clock.now();
    while (this.heap.peekAt() <= now) {
      const { value } = this.heap.pop() as { value: HeapEntry };
      const { listener, version } = value;
      if (version !== listener.heapVersion) continue;
      listener.runNextEvent();
      if (listener.heapVersion === version) this.reschedule(listener);
    }
    return now;
  }

  /** One Web API request (`/v1/...`), answered exactly as the HTTP layer would. */
  request(request: ApiRequest): ApiResponse {
    return handleApiRequest(this.apiDeps, request);
  }

  /** `GET /authorize` of the accounts service. */
  authorize(query: Record<string, string | undefined>): ApiResponse {
    return handleAuthorize(this.accountsDeps, query);
  }

  /** `POST /api/token` of the accounts service, with the `Authorization` header and the form fields. */
  token(authorization: string | undefined, form: Record<string, string | undefined>): ApiResponse {
    return handleToken(this.accountsDeps, authorization, form);
  }

  /** New tokens for a listener, as if they had logged in again. */
  issueTokens(listenerId: string): ListenerCredentials {
    this.listener(listenerId);
    const issued = this.tokens.issue(listenerId, this.advance());
    return {
      id: listenerId,
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken as string,
      expiresAt: issued.expiresAt,
    };
  }

  /** The listener removed the app's access: every token of theirs fails from now on (401, invalid_grant). */
  revokeTokens(listenerId: string): void {
    this.listener(listenerId);
    this.tokens.revoke(listenerId);
  }

  /** The listener's access tokens expire now (refresh tokens keep working). */
  expireTokens(listenerId: string): void {
    this.listener(listenerId);
    this.tokens.expire(listenerId, this.advance());
  }

  /** Sets a listener's actor: `false` stops it, `true` restores the world's rates, an object overrides some. */
  setActor(listenerId: string, actor: boolean | Partial<ActorRates>): void {
    const listener = this.listener(listenerId);
    const at = this.advance();
    if (actor === false) listener.setActor(null, at);
    else listener.setActor(this.ratesFrom(actor === true ? {} : { ...listener.actorRates, ...actor }), at);
    this.reschedule(listener);
  }

  /** Schedules app actions for a listener; times must not lie in the past. */
  script(listenerId: string, entries: readonly ScheduledAction[]): void {
    const listener = this.listener(listenerId);
    const at = this.advance();
    const late = entries.find((entry) => entry.at < at);
    if (late) throw new SimulatorOptionsError(`Scripted action at ${late.at} lies in the past (now ${at})`);
    listener.addScript(entries);
    this.reschedule(listener);
  }

  /** Performs an app action now; false when it does not apply in the listener's current state. */
  act(listenerId: string, action: AppAction): boolean {
    const listener = this.listener(listenerId);
    return listener.act(action, this.advance());
  }

  /** How long after an API command the API keeps showing the old state: uniform in [minMs, maxMs]. */
  setConsistency(consistency: { minMs?: number; maxMs?: number }): void {
    const parsed = parseOrThrow(
      consistencySchema,
      { ...this.settings.consistency, ...consistency },
      'Consistency',
    );
    Object.assign(this.settings.consistency, parsed);
  }

  setRateLimit(rateLimit: Partial<RateLimitOptions>): void {
    this.rateWindow.configure(
      parseOrThrow(rateLimitSchema, { ...this.rateWindow.settings, ...rateLimit }, 'Rate limit option'),
    );
  }

  setFaults(rules: readonly FaultRule[]): void {
    this.faults.set(rules);
  }

  setAccountsOutage(down: boolean): void {
    this.faults.accountsOutage = down;
  }

  /** Truth records after cursor `since` (a `seq`), after catching up to the clock. */
  truthSince(since = 0, listenerId?: string): TruthRecord[] {
    this.advance();
    return this.truth.since(since, listenerId);
  }

  countsSnapshot(): RequestCountsSnapshot {
    return this.counts.snapshot();
  }

  /** What is true for the listener now. */
  trueState(listenerId: string): ListenerState {
    const listener = this.listener(listenerId);
    this.advance();
    return listener.state;
  }

  /** What the API shows for the listener now (may lag the truth). */
  visibleState(listenerId: string): ListenerState {
    const listener = this.listener(listenerId);
    return listener.visible.at(this.advance());
  }

  private ratesFrom(overrides: Partial<ActorRates>): ActorRates {
    return mergeRates(this.defaultRates, parseOrThrow(actorRatesSchema, overrides, 'Actor rate'));
  }

  private reschedule(listener: SimListener): void {
    listener.heapVersion++;
    const at = listener.nextEventAt();
    if (at < Infinity) this.heap.push(at, { listener, version: listener.heapVersion });
  }

  private loginListener(requested: string | undefined): SimListener | undefined {
    if (requested !== undefined) return this.listeners.get(requested);
    const first = this.listeners.values().next();
    if (!first.done) return first.value;
    return this.listener(this.addListener().id);
  }
}
