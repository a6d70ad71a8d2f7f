import { render } from 'preact';
import { WelcomePage } from '../../components/WelcomePage';
import '../../components/timer.css';
import '../../components/page.css';
import { localizePage } from '../../lib/i18n/lang';

localizePage('welcomeTitle');

render(<WelcomePage />, document.getElementById('app')!);
