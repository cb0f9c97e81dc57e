// The browser side of a live workshop room: the two Yjs documents (content and
// facilitation) synced through the stock y-websocket provider and kept offline in
// IndexedDB, the Socket.IO facilitation channel, awareness, and the connection state
// the indicator shows. Sections receive one `Room` and read everything from it.
import {
  CLOSE_CODES,
  closeCodeName,
  readSettings,
  type Ack,
  type ClientToServerEvents,
  type CloseCodeName,
  type PollView,
  type Reaction,
  type RoomSection,
  type ServerToClientEvents,
  type WorkshopLiveState,
  type WorkshopRole,
  type WorkshopSettings,
} from '@atelier/domain';
import { io, type Socket } from 'socket.io-client';
import { realtimeBaseUrl } from '$lib/realtime-url.ts';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { markRemoteTransactions } from './live.svelte.ts';
import { readOnlyProvider } from './read-only.ts';

/** What the connection indicator says. `offline`: the browser has no network. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface RoomMember {
  userId: string;
  displayName: string;
  role: WorkshopRole;
  organisationId: string;
}

export interface RoomOrganisation {
  id: string;
  name: string;
  kind: string;
}

/** What the policy allows this person in the room (the realtime server enforces the same). */
export interface RoomRights {
  writeContent: boolean;
  facilitate: boolean;
  vote: boolean;
  raiseHand: boolean;
  react: boolean;
  /** The sections a guest may write in (`guestSections` in the domain); everyone else: all. */
  sections?: RoomSection[];
}

export interface RoomOptions {
  workshopId: string;
  /** Base URL of the realtime server, e.g. `http://localhost:3001`. */
  realtimeUrl: string;
  me: {
    userId: string;
    displayName: string;
    role: WorkshopRole | null;
    organisationId: string | null;
    /** A guest (joined by the workshop's code): ideas, and needs if allowed; no comments. */
    guest?: boolean;
  };
  rights: RoomRights;
  members: RoomMember[];
  /** People without a seat whose accepted contributions are in the document. */
  contributors?: { userId: string; displayName: string }[];
  organisations: RoomOrganisation[];
  /** Keep edits in IndexedDB (off in read-only views of saved versions). */
  offline?: boolean;
}

/** What each person publishes through Yjs awareness (validated by the realtime server). */
export interface AwarenessState {
  user: { id: string; name: string; color: string; organisationId?: string; role?: WorkshopRole };
  editing?: { section: RoomSection; entryId?: string; field?: string } | null;
}

/** A person seen through awareness: who is editing what, right now. */
export interface PeerActivity {
  clientId: number;
  user: AwarenessState['user'];
  editing: AwarenessState['editing'];
}

type Events = ServerToClientEvents;
type Requests = ClientToServerEvents;
type AckOf<E extends keyof Requests> = Parameters<Parameters<Requests[E]>[1]>[0];

/** Accessible colours (contrast ≥ 4.5:1 on white) given to people by their id. */
const PEOPLE_COLOURS = [
  '#1d4e89',
  '#8a3b12',
  '#2f6b2f',
  '#6b2f6b',
  '#7a5a00',
  '#0f5f66',
  '#a4161a',
  '#3d3d8f',
];

/** A stable colour for a person. */
export function colourOf(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PEOPLE_COLOURS[hash % PEOPLE_COLOURS.length]!;
}

/** What a workshop page's load gives the room (`/workshops/[id]` and its scenario lab). */
export interface RoomPageData {
  workshop: { id: string };
  realtime: { url: string | null; port: number };
  me: RoomOptions['me'];
  room: RoomRights;
  members: RoomMember[];
  contributors?: RoomOptions['contributors'];
  organisations: RoomOrganisation[];
}

/**
 * Opens and connects the room of a workshop page, in the browser (call it from `onMount`);
 * the caller destroys it when the page goes.
 *
 * @example onMount(() => { const opened = connectRoom(data); room = opened; return () => opened.destroy(); })
 */
export function connectRoom(data: RoomPageData): Room {
  const room = new Room({
    workshopId: data.workshop.id,
    realtimeUrl: realtimeBaseUrl(data.realtime, location),
    me: data.me,
    rights: data.room,
    members: data.members,
    contributors: data.contributors,
    organisations: data.organisations,
  });
  room.connect();
  return room;
}

export class Room {
  readonly workshopId: string;
  readonly me: RoomOptions['me'];
  readonly rights: RoomRights;
  readonly members: RoomMember[];
  readonly contributors: { userId: string; displayName: string }[];
  readonly organisations: RoomOrganisation[];
  readonly content = new Y.Doc();
  readonly facilitation = new Y.Doc();
  readonly contentProvider: WebsocketProvider;
  readonly facilitationProvider: WebsocketProvider;
  readonly socket: Socket<Events, Requests>;

  /** Connection of the documents and the channel, as the indicator shows it. */
  status = $state<ConnectionStatus>('connecting');
  /** Why the server refused the connection, when it did (a close code name). */
  refusal = $state<CloseCodeName | null>(null);
  /** Local changes not yet confirmed sent to the server. */
  unsynced = $state(0);
  /** Both documents have received the server's state at least once (or the offline copy loaded). */
  loaded = $state(false);
  /** Facilitation state from the Socket.IO channel (agenda step, timer, polls, queue, presence). */
  live = $state<WorkshopLiveState | null>(null);
  /** The latest reactions, newest last (kept for a few seconds). */
  reactions = $state<{ id: number; displayName: string; reaction: Reaction }[]>([]);
  /** Who is editing what, from awareness (other people only). */
  peers = $state<PeerActivity[]>([]);
  /** The facilitation document's settings (locked sections, spotlight, day 0…). */
  settings = $state<Partial<WorkshopSettings>>({});
  /** A message for a polite live region: remote changes, the floor, the agenda step. */
  announcement = $state('');

  #offsetMs = 0;
  #online = true;
  #persistence: IndexeddbPersistence[] = [];
  #cleanups: (() => void)[] = [];
  #reactionId = 0;

  constructor(options: RoomOptions) {
    this.workshopId = options.workshopId;
    this.me = options.me;
    this.rights = options.rights;
    this.members = options.members;
    this.contributors = options.contributors ?? [];
    this.organisations = options.organisations;
    const wsUrl = `${options.realtimeUrl.replace(/^http/, 'ws')}/yjs`;
    this.contentProvider = new WebsocketProvider(wsUrl, `${this.workshopId}/content`, this.content, {
      connect: false,
    });
    this.facilitationProvider = new WebsocketProvider(
      wsUrl,
      `${this.workshopId}/facilitation`,
      this.facilitation,
      { connect: false },
    );
    markRemoteTransactions(this.content);
    // What the policy does not let this person write is only read (the server refuses it anyway).
    if (!options.rights.writeContent) readOnlyProvider(this.contentProvider);
    if (!options.rights.facilitate) readOnlyProvider(this.facilitationProvider);
    // Presence and carets live on the content document; the facilitation one publishes none.
    this.facilitationProvider.awareness.setLocalState(null);
    this.socket = io(`${options.realtimeUrl}/workshop`, {
      auth: { workshopId: this.workshopId },
      withCredentials: true,
      transports: ['websocket'],
      autoConnect: false,
    });
    if (options.offline !== false && typeof indexedDB !== 'undefined') {
      this.#persistence = [
        new IndexeddbPersistence(`atelier:${this.workshopId}/content`, this.content),
        new IndexeddbPersistence(`atelier:${this.workshopId}/facilitation`, this.facilitation),
      ];
    }
    this.#watchDocuments();
    this.#watchSocket();
    this.#watchAwareness();
  }

  /** Opens the connections; call once the page is mounted. */
  connect(): void {
    this.#online = typeof navigator === 'undefined' ? true : navigator.onLine;
    const goOnline = () => {
      this.#online = true;
      this.contentProvider.connect();
      this.facilitationProvider.connect();
      this.socket.connect();
      this.#updateStatus();
    };
    const goOffline = () => {
      this.#online = false;
      // The browser knows the network is gone: say so now rather than after the provider's
      // 30-second silence timeout, and keep edits locally until it returns.
      this.contentProvider.disconnect();
      this.facilitationProvider.disconnect();
      this.socket.disconnect();
      this.#updateStatus();
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    this.#cleanups.push(() => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    });
    if (this.#online) goOnline();
    else this.#updateStatus();
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.contentProvider.awareness.setLocalState(null);
    this.contentProvider.destroy();
    this.facilitationProvider.destroy();
    this.socket.disconnect();
    for (const persistence of this.#persistence) void persistence.destroy();
    this.content.destroy();
    this.facilitation.destroy();
  }

  /** The server's clock now (epoch ms), from the offset measured on each state message. */
  serverNow(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Whether this person may write in a section now: rights, workshop open, section not locked. */
  canWrite(section: RoomSection): boolean {
    if (!this.rights.writeContent) return false;
    if (this.rights.facilitate) return true;
    if (this.rights.sections && !this.rights.sections.includes(section)) return false;
    return !(this.settings.lockedSections ?? []).includes(section);
  }

  /** The display name of a member, or undefined for someone who left the workshop. */
  nameOf(userId: string): string | undefined {
    return (
      this.members.find((member) => member.userId === userId)?.displayName ??
      this.contributors.find((person) => person.userId === userId)?.displayName
    );
  }

  organisationName(id: string): string | undefined {
    return this.organisations.find((organisation) => organisation.id === id)?.name;
  }

  /**
   * Sends a facilitation event and waits for its acknowledgement (5 s).
   *
   * @example const ack = await room.request('timer:start', { durationMs: 300_000 })
   */
  async request<E extends keyof Requests>(event: E, payload: Parameters<Requests[E]>[0]): Promise<AckOf<E>> {
    try {
      const emit = this.socket.timeout(5000).emitWithAck as unknown as (
        event: E,
        payload: Parameters<Requests[E]>[0],
      ) => Promise<AckOf<E>>;
      return await emit.call(this.socket.timeout(5000), event, payload);
    } catch {
      const failed: Ack = { ok: false, error: { code: 'internal', message: 'timeout' } };
      return failed as AckOf<E>;
    }
  }

  /** Tells others what this person is editing (null when done). */
  setEditing(editing: AwarenessState['editing']): void {
    this.contentProvider.awareness.setLocalStateField('editing', editing ?? null);
  }

  /** A poll or dot-vote by id, from the live state. */
  poll(id: string): PollView | undefined {
    return this.live?.polls.find((poll) => poll.id === id);
  }

  /** Sets a message for the polite live region (screen readers). */
  announce(message: string): void {
    this.announcement = '';
    queueMicrotask(() => (this.announcement = message));
  }

  #watchDocuments(): void {
    const providers = [this.contentProvider, this.facilitationProvider];
    let pendingLoads = this.#persistence.length > 0 ? 1 : providers.length;
    const markLoaded = () => {
      pendingLoads -= 1;
      if (pendingLoads <= 0) this.loaded = true;
    };
    if (this.#persistence.length > 0) {
      // The offline copy is enough to show the room while the network is away.
      void Promise.all(this.#persistence.map((p) => p.whenSynced)).then(markLoaded);
    }
    for (const provider of providers) {
      const onSync = (synced: boolean) => {
        if (synced) {
          if (this.#persistence.length === 0) markLoaded();
          if (this.contentProvider.synced && this.facilitationProvider.synced) this.unsynced = 0;
        }
        this.#updateStatus();
      };
      const onStatus = () => this.#updateStatus();
      const onClosed = (close: { code: number }) => {
        this.refusal = closeCodeName(close.code) ?? 'malformedMessage';
        this.#updateStatus();
      };
      provider.on('sync', onSync);
      provider.on('status', onStatus);
      provider.on('closed', onClosed);
      this.#cleanups.push(() => {
        provider.off('sync', onSync);
        provider.off('status', onStatus);
        provider.off('closed', onClosed);
      });
    }
    for (const [doc, provider] of [
      [this.content, this.contentProvider],
      [this.facilitation, this.facilitationProvider],
    ] as const) {
      // A read-only document sends nothing: nothing of it is waiting to be sent.
      const writable = doc === this.content ? this.rights.writeContent : this.rights.facilitate;
      const onUpdate = (_update: Uint8Array, origin: unknown) => {
        if (!writable) return;
        const local = origin !== provider && !this.#persistence.includes(origin as IndexeddbPersistence);
        if (local && !(provider.wsconnected && provider.synced)) this.unsynced += 1;
      };
      doc.on('update', onUpdate);
      this.#cleanups.push(() => doc.off('update', onUpdate));
    }
    const settingsMap = this.facilitation.getMap('settings');
    const readSettingsNow = () => (this.settings = readSettings(this.facilitation));
    settingsMap.observe(readSettingsNow);
    this.#cleanups.push(() => settingsMap.unobserve(readSettingsNow));
  }

  #watchSocket(): void {
    const socket = this.socket;
    const refresh = async () => {
      const ack = await this.request('state:get', {});
      if (ack.ok) {
        this.#offsetMs = ack.state.serverNow - Date.now();
        this.live = ack.state;
      }
      this.#updateStatus();
    };
    socket.on('connect', () => void refresh());
    socket.on('disconnect', () => this.#updateStatus());
    socket.on('connect_error', (error: Error & { data?: { code?: number } }) => {
      const code = error.data?.code;
      if (code === CLOSE_CODES.unauthenticated.code || code === CLOSE_CODES.forbidden.code) {
        this.refusal = closeCodeName(code) ?? null;
      }
      this.#updateStatus();
    });
    socket.on('presence', (presence) => {
      if (this.live) this.live.presence = presence;
    });
    socket.on('agenda:step', ({ stepId, serverNow }) => {
      this.#offsetMs = serverNow - Date.now();
      if (this.live) this.live.agendaStepId = stepId;
    });
    socket.on('timer', ({ timer, serverNow }) => {
      this.#offsetMs = serverNow - Date.now();
      if (this.live) this.live.timer = timer;
    });
    socket.on('speaking', (speaking) => {
      if (this.live) this.live.speaking = speaking;
    });
    socket.on('poll', (poll) => {
      if (!this.live) return;
      const index = this.live.polls.findIndex((existing) => existing.id === poll.id);
      if (index >= 0) this.live.polls[index] = poll;
      else this.live.polls.push(poll);
    });
    socket.on('reaction', ({ displayName, reaction }) => {
      const id = ++this.#reactionId;
      this.reactions = [...this.reactions.slice(-19), { id, displayName, reaction }];
      setTimeout(() => (this.reactions = this.reactions.filter((r) => r.id !== id)), 6000);
    });
    socket.on('session:ended', () => {
      this.refusal = 'unauthenticated';
      this.#updateStatus();
    });
  }

  #watchAwareness(): void {
    const awareness = this.contentProvider.awareness;
    const me = this.me;
    const organisationId = me.organisationId ?? undefined;
    const role = me.role ?? undefined;
    awareness.setLocalState({
      user: {
        id: me.userId,
        // The server's awareness schema takes names up to 100 characters (accounts allow 120).
        name: me.displayName.slice(0, 100),
        color: colourOf(me.userId),
        ...(organisationId ? { organisationId } : {}),
        ...(role ? { role } : {}),
      },
      editing: null,
    } satisfies AwarenessState);
    const onChange = () => {
      const peers: PeerActivity[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === this.content.clientID) continue;
        const s = state as Partial<AwarenessState>;
        if (!s.user || typeof s.user.id !== 'string') continue;
        peers.push({ clientId, user: s.user, editing: s.editing ?? null });
      }
      this.peers = peers;
    };
    awareness.on('change', onChange);
    this.#cleanups.push(() => awareness.off('change', onChange));
  }

  #updateStatus(): void {
    const documentsUp = this.contentProvider.wsconnected && this.facilitationProvider.wsconnected;
    if (this.refusal && !documentsUp) this.status = 'refused';
    else if (!this.#online) this.status = 'offline';
    else if (documentsUp && this.contentProvider.synced && this.socket.connected) this.status = 'connected';
    else this.status = this.loaded || this.live ? 'reconnecting' : 'connecting';
    if (this.status === 'connected' && this.contentProvider.synced && this.facilitationProvider.synced) {
      this.unsynced = 0;
    }
  }
}
