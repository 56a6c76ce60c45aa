import type { HallScreen, ScreenCall, ScreenMessage, ScreenWaiting } from './types.ts';

/** Calls the screen lists; older ones are dropped, so the page holds the same amount after weeks. */
export const CALLS_SHOWN = 10;

export type ScreenState = {
  calls: ScreenCall[];
  waiting: ScreenWaiting[];
  windowsOpen: string[];
};

export const initialState = (screen: HallScreen): ScreenState => ({
  calls: screen.calls.slice(0, CALLS_SHOWN),
  waiting: screen.waiting,
  windowsOpen: screen.windowsOpen,
});

/** The message as a call to list and speak, or null when it is no call (or one already listed). */
export function callOf(state: ScreenState, message: ScreenMessage): ScreenCall | null {
  if (message.kind !== 'called' && message.kind !== 'recalled') return null;
  if (message.eventId === null || !message.code || !message.windowNumber) return null;
  if (state.calls.some((c) => c.eventId === message.eventId)) return null;
  return {
    eventId: message.eventId,
    kind: message.kind,
    code: message.code,
    windowNumber: message.windowNumber,
    at: message.at,
  };
}

/** The screen after a message of the stream: the hall's counts always, the call on top when it is one. */
export function applyMessage(state: ScreenState, message: ScreenMessage): ScreenState {
  const call = callOf(state, message);
  return {
    calls: call ? [call, ...state.calls].slice(0, CALLS_SHOWN) : state.calls,
    waiting: message.waiting,
    windowsOpen: message.windowsOpen,
  };
}
