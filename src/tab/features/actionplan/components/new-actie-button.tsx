import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Domein } from '../../../../domain/model.js';
import { useLocale } from '../../../i18n/i18n.js';
import { lazyComponent } from '../../../lib/preloadable.js';
import { PartBoundary } from '../../../components/view-suspense.js';

/** The dialog and its texts load when someone asks for it, not with the first view. */
const NewActieDialog = lazyComponent(() => import('./new-actie-dialog.js').then((m) => m.NewActieDialog));

/** "Nieuwe actie" in the Roadmap and the Lijst; after adding, the new action's detail opens. */
export function NewActieButton({
  scope,
  mtDomein,
  advies,
  onOpen,
}: {
  /** The domain the view shows: the new action's default domain. */
  scope?: Domein | undefined;
  /** The domain of the MT whose tab this is (its configuration), which decides who may add. */
  mtDomein?: Domein | undefined;
  advies?: number;
  onOpen: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The dialog closes by unmounting, so Fluent does not give the focus back: the button takes it again, as after any
  // dialog (the new action's detail takes it after adding).
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  // The button's own label is in the first view's language without loading the feature's catalogue.
  const label = useLocale() === 'en' ? 'New action' : 'Nieuwe actie';
  return (
    <>
      <Button ref={button} icon={<AddRegular />} onClick={() => setOpen(true)} data-testid="nieuwe-actie-button">
        {label}
      </Button>
      {open && (
        <PartBoundary onDismiss={close}>
          <NewActieDialog
            scope={scope}
            mtDomein={mtDomein}
            advies={advies}
            onClose={close}
            onCreated={(id) => {
              setOpen(false);
              onOpen(id);
            }}
          />
        </PartBoundary>
      )}
    </>
  );
}
