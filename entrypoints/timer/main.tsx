import { render } from 'preact';
import { TimerWindowApp } from '../../components/TimerWindowApp';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';
import { followPageTheme } from '../../lib/page-theme';
import { readSession } from '../../components/use-session';

followPageTheme();
document.title = t('timerTitle');

void readSession().then((initial) => render(<TimerWindowApp initial={initial} />, document.getElementById('app')!));
