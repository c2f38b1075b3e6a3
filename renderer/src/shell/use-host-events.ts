/** Subscribes to the host's events for the life of the app. */
import { useEffect } from 'react';
import { getBridge } from '../bridge';
import { useGloss } from '../store';
import { runMenuCommand } from './menu-commands';

export function useHostEvents(): void {
  useEffect(() => {
    const bridge = getBridge();
    const store = useGloss.getState;
    const off = [
      bridge.on('save-state', (save) => store().setSaveState(save)),
      bridge.on('changed', ({ change, history }) => store().applyHostChange(change, history)),
      bridge.on('reload', () => void store().refresh()),
      bridge.on('menu', runMenuCommand),
      bridge.on('progress', (progress) => store().setProgress(progress)),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, []);
}
