import { render } from 'preact';
import { TimerWindowApp } from '../../components/TimerWindowApp';
import '../../components/timer.css';
import '../../components/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';
import { readSession } from '../../components/use-session';

followPageTheme();
localizePage('timerTitle');

void readSession().then((initial) => render(<TimerWindowApp initial={initial} />, document.getElementById('app')!));
