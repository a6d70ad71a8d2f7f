import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { readSession } from '../../components/timer/use-session';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import '../../components/shared/body-map.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('extName');
// In Chrome the page arrives with the start view already rendered in the person's language (popup-<locale>.html,
// scripts/prerender-popup.ts): rendering over it reuses its elements and applies what is stored (the
// remembered choice, the safety note already read) before the page's load, and so before the browser shows it.
render(<PopupApp initial={readSession()} />, document.getElementById('app')!);
