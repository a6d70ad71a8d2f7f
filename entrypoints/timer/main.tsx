import { render } from 'preact';
import { TimerWindowApp } from '../../components/TimerWindowApp';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';

document.title = t('timerTitle');

render(<TimerWindowApp />, document.getElementById('app')!);
