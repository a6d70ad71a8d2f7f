import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';
import { readSession } from '../../components/use-session';

document.title = t('extName');

void readSession().then((initial) => render(<PopupApp initial={initial} />, document.getElementById('app')!));
