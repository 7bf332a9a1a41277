/**
 * The Tiptap editor of a 评审意见, loaded on demand (its own chunk, with ProseMirror and Yjs):
 * StarterKit without its own undo history (Yjs carries the document; a local history would undo
 * other people's typing), Collaboration on the shared Y.XmlFragment, and CollaborationCaret for
 * the other editors' carets and selections, labelled with the names the server put in their
 * awareness state.
 */
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import { COMMENT_FIELD } from '$lib/realtime/comments-doc';
import type { CommentSession } from '$lib/realtime/comments.svelte';

export interface CommentEditorOptions {
	element: HTMLElement;
	session: CommentSession;
	/** This user's caret label for the others (the server sets it from the session anyway). */
	user: { name: string; color: string };
	editable: boolean;
	/** Called on every change of the editor's state (toolbar buttons' active marks). */
	onchange?: () => void;
}

/** Mounts the editor; the content is only ever the Y.Doc's, never seeded from HTML. */
export function createCommentEditor(options: CommentEditorOptions): Editor {
	return new Editor({
		element: options.element,
		editable: options.editable,
		extensions: [
			StarterKit.configure({ undoRedo: false, heading: false, codeBlock: false, code: false }),
			Collaboration.configure({ document: options.session.doc, field: COMMENT_FIELD }),
			CollaborationCaret.configure({ provider: options.session.provider, user: options.user })
		],
		editorProps: {
			attributes: {
				class: 'comment-editor-content',
				'aria-label': '评审意见',
				'aria-multiline': 'true',
				role: 'textbox'
			}
		},
		onTransaction: () => options.onchange?.()
	});
}

/** The editor's constructor type, for the component that loads this module lazily. */
export type { Editor };
