/** Subscribes to the host's events for the life of the app. */
import { useEffect } from 'react';
import { listen } from '../bridge/call';
import { loadProject } from '../project/actions';
import { useGloss } from '../store';
import { runCommand } from './commands';

export function useHostEvents(): void {
  useEffect(() => {
    const store = useGloss.getState;
    const off = [
      listen('save-state', (save) => store().setSaveState(save)),
      // Another project was opened from the desktop menu or the OS (never in reply to our own request).
      listen('reload', () => void loadProject()),
      listen('menu', runCommand),
      listen('progress', (progress) => store().setProgress(progress)),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, []);
}
