// The synthesis editor: Tiptap bound to the `synthesis` Y.XmlFragment of the content
// document, with others' carets from awareness. Loaded on demand (dynamic import) when
// the Synthesis tab is first opened, so the room's first load does not carry ProseMirror.
import { synthesisOf } from '@atelier/domain';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { AwarenessState, Room } from '../room.svelte.ts';
import { HEADING_LEVELS } from './toolbar.ts';

/** Others' caret: a coloured bar with the person's name (text, never HTML). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  const color =
    typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#4a5263';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

/**
 * Creates the editor in `element`, bound to the room's synthesis.
 *
 * @param options.label - the editor's accessible name
 * @param options.editable - whether this person may write now (rights, lock, closed workshop)
 */
export function createSynthesisEditor(options: {
  element: HTMLElement;
  room: Room;
  label: string;
  editable: boolean;
}): Editor {
  const { room } = options;
  // The caret extension sets the awareness `user` field: give it the whole user Room
  // published (id, organisation, role), so the server's awareness check still passes.
  const published = room.contentProvider.awareness.getLocalState() as Partial<AwarenessState> | null;
  const user = published?.user ?? {
    id: room.me.userId,
    name: room.me.displayName.slice(0, 100),
    color: '#1d4e89',
  };
  return new Editor({
    element: options.element,
    editable: options.editable,
    extensions: [
      StarterKit.configure({
        // Yjs keeps the history (undo only one's own changes); links are not offered.
        undoRedo: false,
        link: false,
        heading: { levels: [...HEADING_LEVELS] },
        codeBlock: false,
        code: false,
      }),
      Collaboration.configure({ fragment: synthesisOf(room.content) }),
      CollaborationCaret.configure({ provider: room.contentProvider, user, render: renderCaret }),
    ],
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label,
        class: 'synthesis-editor',
        'data-testid': 'synthesis-editor',
      },
    },
  });
}
