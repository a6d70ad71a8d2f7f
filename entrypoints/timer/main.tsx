import { render } from 'preact';
import { TimerWindowApp } from '../../components/timer/TimerWindowApp';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';
import { readSession } from '../../components/timer/use-session';

followPageTheme();
localizePage('timerTitle');

void readSession().then((initial) => render(<TimerWindowApp initial={initial} />, document.getElementById('app')!));
