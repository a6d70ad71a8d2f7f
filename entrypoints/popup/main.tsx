import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { readSession } from '../../components/timer/use-session';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import '../../components/shared/body-map.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';
import { fitWindowHeightAtFirstFrame } from '../../lib/popup/window-height';

followPageTheme();
localizePage('extName');
const app = document.getElementById('app')!;
render(<PopupApp initial={readSession()} />, app);
fitWindowHeightAtFirstFrame(app);
