import { useState } from 'preact/hooks';

const KEY = 'interview-practice.show-feedback';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'end';
  } catch {
    return true; // storage blocked: the default
  }
}

/** "Show feedback after each answer" (the default) or only at the end, remembered here. */
export function useFeedbackPreference(): [boolean, (show: boolean) => void] {
  const [show, setShow] = useState(read);
  function update(next: boolean) {
    setShow(next);
    try {
      localStorage.setItem(KEY, next ? 'each' : 'end');
    } catch {
      // Not remembered, but still applied to this page.
    }
  }
  return [show, update];
}
