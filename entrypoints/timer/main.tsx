import { render } from 'preact';
import { TimerWindowApp } from '../../components/TimerWindowApp';
import '../../components/timer.css';
import '../../components/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { readSession } from '../../components/use-session';

localizePage('timerTitle');

void readSession().then((initial) => render(<TimerWindowApp initial={initial} />, document.getElementById('app')!));
