// /stories/:slug: one published story, for anyone; an old slug moves to the current one.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { storyBySlugQuery } from '../../api/stories';
import { Alert, PageTitle, Spinner } from '../../components';
import { NotFoundPage } from '../NotFoundPage';
import { StoryArticle } from './storyParts';

export function StoryPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const story = useQuery(storyBySlugQuery(slug));

  useEffect(() => {
    if (story.data && story.data.slug !== slug) navigate(`/stories/${story.data.slug}`, { replace: true });
  }, [story.data, slug, navigate]);

  if (isApiError(story.error, 404)) return <NotFoundPage />;
  if (story.error) return <Alert tone="danger">{errorMessage(story.error)}</Alert>;
  if (!story.data) return <Spinner />;
  const view = story.data;
  return (
    <>
      <p>
        <Link to="/stories">Success stories</Link>
      </p>
      <PageTitle title={view.title} />
      <StoryArticle story={view} />
      {view.discussionThreadId && (
        <p>
          {me ? (
            <Link to={`/forums/threads/${view.discussionThreadId}`}>Congratulate them and ask how they did it in the forums</Link>
          ) : (
            <>
              Members celebrate and discuss this story in the forums: <Link to="/signin">sign in</Link> or <Link to="/register">join</Link>{' '}
              to take part.
            </>
          )}
        </p>
      )}
    </>
  );
}
