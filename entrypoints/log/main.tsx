import { render } from 'preact';
import { HistoryApp } from '../../components/history/HistoryApp';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import '../../components/shared/body-map.css';
import '../../components/shared/body-map-heat.css';
import '../../components/history/history.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('historyTitle');

render(<HistoryApp />, document.getElementById('app')!);
