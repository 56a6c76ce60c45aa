import { useCallback, useEffect, useRef, useState } from 'react';

/** Utterances waiting at most: when calls come faster than they are spoken, the oldest are dropped. */
const MAX_QUEUED = 3;
const DIGITS = '零一二三四五六七八九';

/** A ticket code as it is read out: each digit on its own (A012 → A零一二). */
export const spokenCode = (code: string) => code.replace(/\d/g, (d) => DIGITS[Number(d)]!);

export type Voice = 'on' | 'blocked' | 'unsupported';

/**
 * Spoken calls in Chinese through the browser's speech synthesis. A browser that wants a gesture
 * first refuses to speak ('blocked') until `unlock` runs in a click; every call is still tried, so
 * a browser allowed to speak by its settings turns 'on' at its first call.
 */
export function useSpeech(lang: string) {
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;
  const [voice, setVoice] = useState<Voice>(() => {
    if (!supported) return 'unsupported';
    const activation = (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation;
    return activation && !activation.hasBeenActive ? 'blocked' : 'on';
  });
  const queued = useRef(0);

  const say = useCallback(
    (text: string) => {
      if (!supported) return;
      const synth = window.speechSynthesis;
      if (queued.current >= MAX_QUEUED) {
        synth.cancel();
        queued.current = 0;
      }
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = 0.9;
      queued.current += 1;
      const done = () => {
        queued.current = Math.max(0, queued.current - 1);
      };
      utterance.onstart = () => setVoice('on');
      utterance.onend = done;
      utterance.onerror = (event) => {
        done();
        if (event.error === 'not-allowed') setVoice('blocked');
      };
      synth.speak(utterance);
    },
    [lang, supported],
  );

  const unlock = useCallback(() => {
    if (!supported) return;
    window.speechSynthesis.cancel();
    queued.current = 0;
    const silent = new SpeechSynthesisUtterance(' ');
    silent.volume = 0;
    window.speechSynthesis.speak(silent);
    setVoice('on');
  }, [supported]);

  useEffect(() => () => (supported ? window.speechSynthesis.cancel() : undefined), [supported]);

  return { voice, say, unlock };
}
